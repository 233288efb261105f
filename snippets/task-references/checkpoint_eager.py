import asyncio


async def work(name, seconds):
    print(f"{name} starts")
    await asyncio.sleep(seconds)
    print(f"{name} ends")


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    one = asyncio.create_task(work("one", 0.1))
    two = asyncio.create_task(work("two", 0.05))
    print("both tasks created")
    await asyncio.gather(one, two)


if __name__ == "__main__":
    asyncio.run(main())
