import asyncio

counts = {"found": 0}


async def count_multiples(inrange, div_by, lock):
    for _ in range(0, inrange, div_by):
        # One task at a time from here to the end of the block:
        async with lock:  # new
            seen = counts["found"]
            await asyncio.sleep(0)  # the others run, but wait at `async with lock`
            counts["found"] = seen + 1


async def main():
    lock = asyncio.Lock()  # new
    await asyncio.gather(
        count_multiples(1000, 3, lock),  # new
        count_multiples(1000, 5, lock),  # new
        count_multiples(1000, 7, lock),  # new
    )
    expected = len(range(0, 1000, 3)) + len(range(0, 1000, 5)) + len(range(0, 1000, 7))
    print(f"expected {expected}, counted {counts['found']}")


if __name__ == "__main__":
    asyncio.run(main())
