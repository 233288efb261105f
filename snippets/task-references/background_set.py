import asyncio

# The loop keeps only a weak reference to a task: keep a strong one until it is done.
background_tasks = set()


async def job(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} is done")


def start_in_background(name, seconds):
    task = asyncio.create_task(job(name, seconds))
    background_tasks.add(task)  # a strong reference: the task cannot be collected
    task.add_done_callback(background_tasks.discard)  # and it is dropped once done


async def main():
    start_in_background("report", 0.4)
    start_in_background("email", 0.1)
    print(f"main: {len(background_tasks)} tasks in background_tasks")
    await asyncio.sleep(0.25)
    print(f"main: {len(background_tasks)} left")
    await asyncio.sleep(0.3)
    print(f"main: {len(background_tasks)} left")


if __name__ == "__main__":
    asyncio.run(main())
