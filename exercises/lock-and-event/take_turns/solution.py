import asyncio

found = {"total": 0}


async def find_divisibles(inrange, div_by, lock):
    located = [i for i in range(inrange) if i % div_by == 0]
    async with lock:  # one task at a time, from the read to the write
        total = found["total"]  # read the shared total
        await asyncio.sleep(0.1)  # saving takes a wait, as a database request would
        found["total"] = total + len(located)  # write back what it read, plus its own count
    print(f"{inrange} / {div_by} added {len(located)}: the total is now {found['total']}")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(
        find_divisibles(508000, 34113, lock),
        find_divisibles(100052, 3210, lock),
        find_divisibles(500, 3, lock),
    )
    print(f"in all: {found['total']}, expected 15 + 32 + 167 = 214")


asyncio.run(main())
