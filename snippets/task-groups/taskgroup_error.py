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
    try:
        async with asyncio.TaskGroup() as tg:
            task1 = tg.create_task(find_divisibles(508000, 34113))
            task2 = tg.create_task(find_divisibles(100052, 0))
            task3 = tg.create_task(find_divisibles(500, 3))
    except* ZeroDivisionError as group:
        print(f"caught {group!r}")
    for number, task in enumerate([task1, task2, task3], 1):
        print(f"task{number}: cancelled={task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
