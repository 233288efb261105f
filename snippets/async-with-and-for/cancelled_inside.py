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


async def readings():
    n = 0
    try:
        while True:  # never ends by itself
            await asyncio.sleep(0.1 if n < 3 else 10)  # three values, then the sensor goes quiet
            n += 1
            yield n * 10
    finally:
        print(f"readings: finally, after {n} values")


async def main():
    try:
        async with asyncio.timeout(0.8):
            async with connection("the sensor"):
                async for value in readings():
                    print(f"got {value}")
    except TimeoutError:
        print("main: timed out")


if __name__ == "__main__":
    asyncio.run(main())
