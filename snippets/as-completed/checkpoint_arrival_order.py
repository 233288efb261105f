import asyncio


async def after(seconds, label):
    await asyncio.sleep(seconds)
    return label


async def main():
    waits = [after(0.3, "slow"), after(0.1, "fast"), after(0.2, "medium")]
    for next_done in asyncio.as_completed(waits):
        print(await next_done)
    print(await asyncio.gather(after(0.3, "slow"), after(0.1, "fast"), after(0.2, "medium")))


if __name__ == "__main__":
    asyncio.run(main())
