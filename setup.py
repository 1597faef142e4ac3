"""Ships the top-level ``assets/`` folder inside the package as ``rescue_desk.assets``."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["rescue_desk", "rescue_desk.*"]) + ["rescue_desk.assets"],
    package_dir={"rescue_desk.assets": "assets"},
)
