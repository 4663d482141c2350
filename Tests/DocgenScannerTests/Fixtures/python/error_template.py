from {{ cookiecutter.package }} import app


def main():
    app.run()
