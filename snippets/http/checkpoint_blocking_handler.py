import asyncio
import time


async def handle(reader, writer):
    request_line = await reader.readline()
    while await reader.readline() not in (b"\r\n", b""):
        pass
    seconds = float(request_line.split()[1].decode().strip("/"))
    time.sleep(seconds)  # not asyncio.sleep
    writer.write(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def fetch(port, path):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    status = (await reader.readline()).decode().strip()
    await reader.read()  # the rest, until the server hangs up
    writer.close()
    await writer.wait_closed()
    return status


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        started = time.perf_counter()
        statuses = await asyncio.gather(*(fetch(port, "/0.1") for _ in range(5)))
        print(f"{statuses.count('HTTP/1.1 204 No Content')} replies of 204 No Content")
        print(f"5 requests of 0.1 s took {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
