import asyncio


async def answer():
    print("answer starts")
    return 42


async def main():
    coroutine = answer()
    print("coroutine object made")
    value = await coroutine
    print(f"await gave {value}")


if __name__ == "__main__":
    asyncio.run(main())
