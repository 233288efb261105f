import asyncio


async def find_divisibles(inrange, div_by):
    print(f"finding nums in range {inrange} divisible by {div_by}")
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0.0001)

    print(f"Done w/ nums in range {inrange} divisible by {div_by}")
    return located


async def main():
    divs1, divs2, divs3 = await asyncio.gather(
        find_divisibles(508000, 34113),
        find_divisibles(100052, 3210),
        find_divisibles(500, 3),
    )
    return divs1


if __name__ == "__main__":
    d1 = asyncio.run(main())
    print(d1)
