import asyncio
import time


async def find_divisibles(inrange, div_by):
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
    tasks = [
        asyncio.create_task(find_divisibles(508000, 34113), name="large"),
        asyncio.create_task(find_divisibles(100052, 3210), name="medium"),
        asyncio.create_task(find_divisibles(500, 3), name="tiny"),
    ]
    # Python 3.13 and later:
    async for task in asyncio.as_completed(tasks):
        print(f"  {task.get_name()} found {len(task.result())} numbers")
        print(f"  one of the tasks created above: {task in tasks}")


if __name__ == "__main__":
    asyncio.run(main())
