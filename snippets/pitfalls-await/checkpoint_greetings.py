import asyncio


async def greet(name):
    print(f"hello, {name}")


async def main():
    greet("first")
    await greet("second")
    print("main is finished")


if __name__ == "__main__":
    asyncio.run(main())
