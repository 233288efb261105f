import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connection(name):
    print(f"opening {name}")
    await asyncio.sleep(0.05)  # connecting takes a wait
    try:
        yield f"<connection to {name}>"  # the value of `as` in `async with`
    finally:
        await asyncio.sleep(0.05)  # so does saying goodbye
        print(f"closed {name}")


async def main():
    async with connection("the database") as conn:
        print(f"using {conn}")
    print("after the block")


if __name__ == "__main__":
    asyncio.run(main())
