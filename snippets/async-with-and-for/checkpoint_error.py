import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connection(name):
    print(f"opening {name}")
    await asyncio.sleep(0.05)
    try:
        yield name
    finally:
        await asyncio.sleep(0.05)
        print(f"closed {name}")


async def main():
    try:
        async with connection("the database"):
            print("inside the block")
            raise ValueError("something went wrong")
    except ValueError as error:
        print(f"main caught: {error}")


if __name__ == "__main__":
    asyncio.run(main())
