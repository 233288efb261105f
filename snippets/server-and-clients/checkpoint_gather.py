import asyncio


async def handle(reader, writer):
    seconds = float(await reader.readline())
    await asyncio.sleep(seconds)
    writer.write(f"waited {seconds}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def ask(port, seconds):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{seconds}\n".encode())
    await writer.drain()
    reply = (await reader.readline()).decode().strip()
    writer.close()
    await writer.wait_closed()
    print(f"client got: {reply}")
    return reply


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        replies = await asyncio.gather(ask(port, 0.3), ask(port, 0.1))
    print(f"gather returned {replies}")


if __name__ == "__main__":
    asyncio.run(main())
