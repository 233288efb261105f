import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("worker cleans up")


async def main():
    worker_task = asyncio.create_task(worker())
    await asyncio.sleep(0.05)
    print(f"main returns; worker done: {worker_task.done()}")


if __name__ == "__main__":
    asyncio.run(main())
    print("asyncio.run has returned")
