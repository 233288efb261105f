import asyncio
import contextlib


async def numbers(label):
    try:
        for n in range(1, 4):
            await asyncio.sleep(0.05)
            yield n
    finally:
        print(f"{label}: the generator's finally")


async def main():
    async for n in numbers("plain"):
        if n == 2:
            break
    print("plain: after the loop")
    await asyncio.sleep(0.05)
    print("plain: main went on")

    async with contextlib.aclosing(numbers("aclosing")) as values:
        async for n in values:
            if n == 2:
                break
    print("aclosing: after the block")


if __name__ == "__main__":
    asyncio.run(main())
