import asyncio
import time


async def handle(reader, writer):
    """A tiny HTTP server: GET /<seconds> waits that long, then answers."""
    request_line = await reader.readline()  # b"GET /0.2 HTTP/1.1\r\n"
    while await reader.readline() not in (b"\r\n", b""):  # skip the headers
        pass
    seconds = float(request_line.split()[1].decode().strip("/"))
    await asyncio.sleep(seconds)  # the server's slow part, such as a database query
    body = f"waited {seconds} s\n".encode()
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
    writer.write(f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def fetch(port, path):
    """A tiny HTTP client: one GET request, on a connection of its own."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    status = (await reader.readline()).decode().strip()
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):  # b"": the server hung up
        name, _, value = line.decode().partition(":")
        headers[name.lower()] = value.strip()
    body = await reader.readexactly(int(headers["content-length"]))
    writer.close()
    await writer.wait_closed()
    return status, body.decode().strip()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)  # port 0: any free port
    port = server.sockets[0].getsockname()[1]
    async with server:
        waits = [0.3, 0.1, 0.2, 0.3, 0.1, 0.2]
        paths = [f"/{seconds}" for seconds in waits]
        started = time.perf_counter()
        replies = await asyncio.gather(*(fetch(port, path) for path in paths))
        elapsed = time.perf_counter() - started
    for path, (status, body) in zip(paths, replies, strict=True):
        print(f"GET {path}: {status}, {body}")
    print(f"{len(paths)} requests, {sum(waits):.1f} s of waiting in all, took {elapsed:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
