import asyncio


async def after(seconds, label):
    await asyncio.sleep(seconds)
    print(f"{label} done")
    return label


async def main():
    results = await asyncio.gather(after(0.2, "slow"), after(0.05, "fast"))
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
