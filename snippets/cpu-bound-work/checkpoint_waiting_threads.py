import asyncio
import time


def blocking_wait(seconds):
    time.sleep(seconds)  # blocks its thread, as a library without asyncio support would
    return seconds


async def main():
    started = time.perf_counter()
    await asyncio.gather(*(asyncio.to_thread(blocking_wait, 0.3) for _ in range(3)))
    print(f"three waits of 0.3 s in threads took {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
