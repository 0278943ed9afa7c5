"""`nigao serve`: the local web page (needs the optional extra: pip install 'nigao[serve]')."""

from __future__ import annotations

import click

from nigao.commands._common import friendly, library_option

LOCAL = "127.0.0.1"


@click.command("serve", options_metavar="[选项]")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="端口")
@click.option(
    "--host",
    default=None,
    metavar="地址",
    help=f"监听地址（默认只有本机可访问：{LOCAL}；指定后其他电脑也能访问，请谨慎）",
)
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器")
@click.option(
    "--dir",
    "root",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False, exists=True),
    metavar="文件夹",
    help="工作文件夹：配置文件存在它的 profiles/ 下，我的范文、我的模板也在这里",
)
@library_option
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def serve(
    port: int, host: str | None, no_browser: bool, root: str, libraries: tuple[str, ...]
) -> None:
    """在本机打开拟稿网页：填表、选骨架、看公文预览、校对、下载 Word，不需要命令行。

    \b
    例如：nigao serve
          nigao serve --port 9000 --no-browser"""
    from nigao.errors import UsageError, os_reason

    try:
        import uvicorn

        from nigao.serve.app import create_app
    except ImportError:
        raise UsageError(
            "网页界面需要另外安装：pip install 'nigao[serve]'（在 nigao 所在的环境里运行）"
        ) from None
    app = create_app(root, libraries, port=port, open_to_all=host is not None)
    url = f"http://{LOCAL}:{port}/"
    click.echo(f"拟稿网页已启动：{url}  （按 Ctrl-C 停止）")
    if host is not None:
        click.echo(f"注意：已在 {host} 上监听，同一网络中的其他电脑也可以访问。")
    if not no_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    try:
        uvicorn.run(app, host=host or LOCAL, port=port, log_level="warning")
    except OSError as error:
        raise UsageError(
            f"无法在端口 {port} 上启动（可能已被占用，换一个：--port 9000）：{os_reason(error)}"
        ) from None
