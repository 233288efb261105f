import asyncio

open_files = []  # stands in for files each search opens


async def find_divisibles(inrange, div_by):
    name = f"{inrange} / {div_by}"
    open_files.append(name)  # "opens" its file
    print(f"{name}: file opened")
    located = []
    try:
        for i in range(inrange):
            if i % div_by == 0:
                located.append(i)
            if i % 50000 == 0:
                await asyncio.sleep(0)
    finally:  # runs however the search ends: done, failed or cancelled
        open_files.remove(name)  # "closes" it
        print(f"{name}: file closed")
    print(f"done with {name}: {len(located)} found")
    return located


async def main():
    try:
        await asyncio.gather(
            find_divisibles(508000, 34113),
            find_divisibles(100052, 0),
            find_divisibles(500, 3),
        )
    except ZeroDivisionError as error:
        print(f"a search failed: {error!r}")
    print("main is finished")


asyncio.run(main())
print(f"still open: {open_files}")
