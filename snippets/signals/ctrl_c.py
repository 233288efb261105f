import asyncio
import signal


async def find_divisibles(inrange, div_by):
    located = []
    try:
        for i in range(inrange):
            if i % div_by == 0:
                located.append(i)
            if i == 200000:
                signal.raise_signal(signal.SIGINT)  # as if Ctrl-C were pressed right now
            if i % 50000 == 0:
                await asyncio.sleep(0)
        return located
    finally:
        print(f"find_divisibles: cleaning up after {len(located)} numbers")


async def main():
    try:
        await find_divisibles(508000, 34113)
        print("main: the search is done")  # never reached
    except asyncio.CancelledError:
        print("main: cancelled")
        raise
    finally:
        print("main: cleaning up")


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("KeyboardInterrupt reached the top of the program")
