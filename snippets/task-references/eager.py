import asyncio


async def body(name):
    print(f"  {name}: the body starts")
    await asyncio.sleep(0.05)
    print(f"  {name}: the body ends")


async def quick():
    return "no await, nothing to wait for"


async def main():
    print("the default task factory:")
    task = asyncio.create_task(body("lazy"))
    print("  create_task returned")
    await task

    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print("the eager task factory:")
    task = asyncio.create_task(body("eager"))
    print("  create_task returned")
    await task

    task = asyncio.create_task(quick())
    print(f"  a task that never pauses: done={task.done()} at once, {task.result()!r}")


if __name__ == "__main__":
    asyncio.run(main())
