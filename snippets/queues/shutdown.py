import asyncio
import time

JOBS = [("a", 0.6), ("b", 0.2), ("c", 0.3), ("d", 0.2), ("e", 0.2)]


async def producer(queue):
    for job in JOBS:
        await queue.put(job)
    queue.shutdown()  # no more jobs: get() raises QueueShutDown once the queue is empty
    print(f"producer: {len(JOBS)} jobs queued, queue shut down")


async def worker(number, queue, started):
    while True:
        try:
            name, seconds = await queue.get()
        except asyncio.QueueShutDown:
            break
        await asyncio.sleep(seconds)
        elapsed = time.perf_counter() - started
        print(f"{elapsed:.2f} s: worker {number} finished job {name}")
    print(f"{time.perf_counter() - started:.2f} s: worker {number} stops")


async def main():
    started = time.perf_counter()
    queue = asyncio.Queue()
    workers = [asyncio.create_task(worker(n, queue, started)) for n in (1, 2)]
    await producer(queue)
    await asyncio.gather(*workers)  # the workers end on their own
    print(f"{time.perf_counter() - started:.2f} s: every worker has stopped")


if __name__ == "__main__":
    asyncio.run(main())
