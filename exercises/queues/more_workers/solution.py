import asyncio
import time

# Jobs, and how long each takes in seconds.
JOBS = [("a", 0.6), ("b", 0.2), ("c", 0.3), ("d", 0.2), ("e", 0.2)]


async def producer(queue):
    for job in JOBS:
        await queue.put(job)
    print(f"producer: {len(JOBS)} jobs queued")


async def worker(number, queue, started):
    while True:  # until the task is cancelled
        name, seconds = await queue.get()
        try:
            await asyncio.sleep(seconds)  # the work
            elapsed = time.perf_counter() - started
            print(f"{elapsed:.2f} s: worker {number} finished job {name}")
        finally:
            queue.task_done()


async def main():
    started = time.perf_counter()
    queue = asyncio.Queue()
    workers = [asyncio.create_task(worker(n, queue, started)) for n in (1, 2, 3)]
    await producer(queue)
    await queue.join()
    print(f"{time.perf_counter() - started:.2f} s: every job is done")
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)


asyncio.run(main())
