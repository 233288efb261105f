import asyncio


async def find_divisibles(inrange, div_by):
    await asyncio.sleep(0.1)  # stands for a real wait
    return [i for i in range(inrange) if i % div_by == 0]


def count_divisibles(inrange, div_by):
    """Ordinary code that wants a coroutine's result."""
    return len(asyncio.run(find_divisibles(inrange, div_by)))


async def main():
    found = await find_divisibles(100052, 3210)  # inside async code: await
    print(f"inside main: {len(found)} numbers")


print(f"outside any loop: {count_divisibles(500, 3)} numbers")
asyncio.run(main())
