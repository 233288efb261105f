import asyncio
import time


async def job(name, seconds, semaphore):
    async with semaphore:
        print(f"{name} starts")
        await asyncio.sleep(seconds)
        print(f"{name} ends")


async def main():
    semaphore = asyncio.Semaphore(1)
    started = time.perf_counter()
    await asyncio.gather(job("A", 0.2, semaphore), job("B", 0.1, semaphore))
    print(f"total: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
