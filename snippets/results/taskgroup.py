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
    async with asyncio.TaskGroup() as tg:  # new
        task1 = tg.create_task(find_divisibles(508000, 34113))  # new
        task2 = tg.create_task(find_divisibles(100052, 3210))  # new
        task3 = tg.create_task(find_divisibles(500, 3))  # new
        print("three tasks created; the block waits for them at its end")  # new
    print("all three tasks are done")  # new
    print(f"task1 found {len(task1.result())} numbers, the last is {task1.result()[-1]}")  # new
    print(f"task2 found {len(task2.result())}, task3 found {len(task3.result())}")  # new


if __name__ == "__main__":
    asyncio.run(main())
