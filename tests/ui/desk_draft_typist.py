"""Helper process for the kill -9 test: open the real window, type into the intake, wait until the
draft file holds the words, say "ready", then wait to be killed."""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from rescue_desk.ui import create_main_window  # noqa: E402


def main(url: str, words: str) -> None:
    app = QApplication(sys.argv)
    window = create_main_window(url, lang="zh", features=("desk",))
    window.show()
    intake = window.desk.intake
    intake.caller_phone.setText("13900001111")
    intake.party.setValue(3)
    intake.text.setFocus()
    intake.text.insertPlainText(words)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        app.processEvents()
        saved = intake.drafts.load()
        if saved and saved.get("text") == words and saved.get("party_size") == 3:
            print("ready", flush=True)
            break
        time.sleep(0.02)
    while True:  # typing goes on until the kill
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
