import asyncio


async def worker(queue):
    while True:
        seconds = await queue.get()
        await asyncio.sleep(seconds)
        print(f"finished a job of {seconds * 1000:.0f} ms")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for seconds in (0.2, 0.1):
        queue.put_nowait(seconds)
    task = asyncio.create_task(worker(queue))
    print("jobs queued")
    await queue.join()
    print("queue.join() returned")
    task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
