import asyncio


async def answer():
    return 42


def ordinary():
    return asyncio.run(answer())


async def main():
    print(f"from main's thread, awaited: {await answer()}")
    print(f"from another thread: {await asyncio.to_thread(ordinary)}")


if __name__ == "__main__":
    asyncio.run(main())
