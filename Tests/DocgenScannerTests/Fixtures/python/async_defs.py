import asyncio


async def main():
    async with asyncio.timeout(1):
        pass
    async for item in source():
        pass


class Service:
    async def start(self):
        await asyncio.sleep(0)

    async  def spaced(self):
        pass


async def source():
    yield 1
