import asyncio


async def wait_and_name(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} is done")
    return name


async def main():
    names = await asyncio.gather(wait_and_name("slow", 0.2), wait_and_name("fast", 0.05))
    print(names)


if __name__ == "__main__":
    asyncio.run(main())
