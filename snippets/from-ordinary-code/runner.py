import asyncio


async def find_divisibles(inrange, div_by):
    return [i for i in range(inrange) if i % div_by == 0]


async def running_loop():
    return asyncio.get_running_loop()


def main():
    loops = [asyncio.run(running_loop()) for _ in range(2)]
    print(f"asyncio.run twice, one loop: {loops[0] is loops[1]}")

    with asyncio.Runner() as runner:  # Python 3.11 and later
        loops = [runner.run(running_loop()) for _ in range(2)]
        print(f"runner.run twice, one loop: {loops[0] is loops[1]}")
        print(f"found {len(runner.run(find_divisibles(500, 3)))} numbers on it")
    print(f"closed at the end of the with block: {loops[0].is_closed()}")


if __name__ == "__main__":
    main()
