import asyncio

counts = {"found": 0}


async def count_multiples(inrange, div_by):
    for _ in range(0, inrange, div_by):
        seen = counts["found"]  # read the shared total
        await asyncio.sleep(0)  # pause: the other tasks run here
        counts["found"] = seen + 1  # write back what this task read, plus one


async def main():
    await asyncio.gather(
        count_multiples(1000, 3), count_multiples(1000, 5), count_multiples(1000, 7)
    )
    expected = len(range(0, 1000, 3)) + len(range(0, 1000, 5)) + len(range(0, 1000, 7))
    print(f"expected {expected}, counted {counts['found']}")


if __name__ == "__main__":
    asyncio.run(main())
