import asyncio
import time


async def find_divisibles(inrange, div_by):
    print(f"finding numbers below {inrange} divisible by {div_by}")
    started = time.perf_counter()
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0)
    elapsed = time.perf_counter() - started
    print(f"done with {inrange} / {div_by} after {elapsed * 1000:.1f} ms")
    return located


async def main():
    task1 = asyncio.create_task(find_divisibles(508000, 34113))
    task2 = asyncio.create_task(find_divisibles(100052, 3210))
    task3 = asyncio.create_task(find_divisibles(500, 3))
    print("three tasks created; main returns without waiting for them")
    return task1, task2, task3


if __name__ == "__main__":
    tasks = asyncio.run(main())
    for number, task in enumerate(tasks, 1):
        print(f"task{number}: done={task.done()}, cancelled={task.cancelled()}")
