import asyncio


async def find_divisibles(inrange, div_by):
    return [i for i in range(inrange) if i % div_by == 0]


def count_divisibles(inrange, div_by):
    """Ordinary code that wants a coroutine's result."""
    return len(asyncio.run(find_divisibles(inrange, div_by)))


async def main():
    try:
        count_divisibles(500, 3)
    except RuntimeError as error:
        print(f"inside main: {error!r}")


if __name__ == "__main__":
    print(f"outside any loop: {count_divisibles(500, 3)} numbers")
    asyncio.run(main())
