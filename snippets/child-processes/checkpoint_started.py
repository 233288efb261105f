import asyncio
import sys
import time


def child(seconds):
    # A child Python that sleeps for `seconds`, then exits.
    return asyncio.create_subprocess_exec(
        sys.executable, "-c", f"import time; time.sleep({seconds})"
    )


async def main():
    started = time.perf_counter()
    slow = await child(0.3)
    quick = await child(0.1)
    print("both children started")
    await slow.wait()
    print(f"slow.wait() returned after {time.perf_counter() - started:.2f} s")
    await quick.wait()
    print(f"quick.wait() returned after {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
