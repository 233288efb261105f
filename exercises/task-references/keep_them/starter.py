import asyncio

background_tasks = set()


async def job(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} is done")


def start_in_background(name, seconds):
    asyncio.create_task(job(name, seconds))  # the task is dropped at once


async def main():
    start_in_background("report", 0.2)
    start_in_background("email", 0.1)
    print(f"main: {len(background_tasks)} tasks in background_tasks")
    await asyncio.sleep(0.15)
    print(f"main: {len(background_tasks)} left")
    await asyncio.gather(*background_tasks)  # wait for those still running
    print(f"main: {len(background_tasks)} left")


asyncio.run(main())
