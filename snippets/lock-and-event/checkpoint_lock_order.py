import asyncio


async def visit(name, lock):
    async with lock:
        print(f"{name} has the lock")
        await asyncio.sleep(0.1)
        print(f"{name} lets go")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(visit("first", lock), visit("second", lock))


if __name__ == "__main__":
    asyncio.run(main())
