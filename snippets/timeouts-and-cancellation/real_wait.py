import asyncio
import time

STRIDE = 1_000_000  # counting this far takes far longer than the 5 ms limit, on any machine


async def count(started):
    for i in range(1, 10 * STRIDE + 1):
        if i % STRIDE == 0:
            elapsed = time.perf_counter() - started
            print(f"pause at i = {i} after {elapsed * 1000:.1f} ms")
            try:
                await asyncio.sleep(0.0001)  # new
            except asyncio.CancelledError:
                print(f"the CancelledError arrived at the pause at i = {i}")
                raise


async def main():
    started = time.perf_counter()
    try:
        async with asyncio.timeout(0.005):
            await count(started)
    except TimeoutError:
        elapsed = time.perf_counter() - started
        print(f"TimeoutError after {elapsed * 1000:.1f} ms")


if __name__ == "__main__":
    asyncio.run(main())
