import asyncio
import time


async def readings(count):
    """An async generator: `async def` with `yield`, and free to await in between."""
    for n in range(1, count + 1):
        await asyncio.sleep(0.1)  # waiting for the next value from a sensor
        yield n * 10


async def main():
    started = time.perf_counter()
    async for value in readings(3):
        print(f"{time.perf_counter() - started:.2f} s: got {value}")
    values = [value async for value in readings(3)]  # an async comprehension
    print(f"{time.perf_counter() - started:.2f} s: got {values} at once")


if __name__ == "__main__":
    asyncio.run(main())
