import asyncio


async def helper():
    print("helper runs")  # no await inside: it never pauses


async def other():
    print("other task runs")


async def main():
    task = asyncio.create_task(other())
    await helper()
    print("main has awaited helper")
    await asyncio.sleep(0)
    print("main has awaited sleep(0)")
    await task


if __name__ == "__main__":
    asyncio.run(main())
