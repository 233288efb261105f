import asyncio
import time

REQUESTS = 20
LIMIT = 5


class InFlight:
    """Counts the requests running right now, and the most there ever were at once."""

    def __init__(self):
        self.now = 0
        self.most = 0


async def fake_request(counter):
    counter.now += 1
    counter.most = max(counter.most, counter.now)
    await asyncio.sleep(0.1)  # stands for waiting on a server's reply
    counter.now -= 1


async def limited_request(counter, semaphore):
    async with semaphore:  # waits here while LIMIT requests are running
        await fake_request(counter)


async def main():
    counter = InFlight()
    started = time.perf_counter()
    await asyncio.gather(*(fake_request(counter) for _ in range(REQUESTS)))
    elapsed = time.perf_counter() - started
    print(f"no limit: at most {counter.most} in flight, {elapsed:.2f} s")

    counter = InFlight()
    semaphore = asyncio.Semaphore(LIMIT)
    started = time.perf_counter()
    await asyncio.gather(*(limited_request(counter, semaphore) for _ in range(REQUESTS)))
    elapsed = time.perf_counter() - started
    print(f"Semaphore({LIMIT}): at most {counter.most} in flight, {elapsed:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
