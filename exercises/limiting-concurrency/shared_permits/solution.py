import asyncio
import time


async def request(name, seconds, semaphore, started):
    async with semaphore:
        print(f"{time.perf_counter() - started:.2f} s: {name} starts")
        await asyncio.sleep(seconds)  # stands in for waiting on a server's reply
        print(f"{time.perf_counter() - started:.2f} s: {name} ends")


async def main():
    semaphore = asyncio.Semaphore(2)  # one semaphore, shared by every request
    started = time.perf_counter()
    jobs = [("A", 0.5), ("B", 0.1), ("C", 0.1), ("D", 0.4)]
    await asyncio.gather(*(request(name, s, semaphore, started) for name, s in jobs))


asyncio.run(main())
