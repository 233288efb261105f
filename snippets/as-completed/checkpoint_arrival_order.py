import asyncio
import time


async def after(seconds, label):
    await asyncio.sleep(seconds)
    return label


async def main():
    started = time.perf_counter()
    waits = [after(0.3, "slow"), after(0.1, "fast"), after(0.2, "medium")]
    for next_done in asyncio.as_completed(waits):
        label = await next_done
        print(f"{label} after {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
