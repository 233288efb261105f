import asyncio


async def find_divisibles(inrange, div_by, go):
    print(f"{inrange} / {div_by} is ready and waits")
    await go.wait()  # pauses until someone calls go.set()
    located = [i for i in range(inrange) if i % div_by == 0]
    print(f"{inrange} / {div_by} found {len(located)} numbers")


async def main():
    go = asyncio.Event()
    searches = asyncio.gather(
        find_divisibles(508000, 34113, go),
        find_divisibles(100052, 3210, go),
        find_divisibles(500, 3, go),
    )
    await asyncio.sleep(0.1)
    print(f"main: after 0.1 s, is the event set? {go.is_set()}; now it is")
    go.set()
    await searches


if __name__ == "__main__":
    asyncio.run(main())
