# Types a new row into a workbook the way a user does in LibreOffice Calc
# (the cell editor's input, which honours the cell's number format, as
# XCell.setFormula does not): row 2 again, as "nieuw-instrument" with "27+"
# as its age. Saves it as .xlsx. Paths are absolute.
# Usage: /usr/bin/python3 libreoffice-type.py SRC.xlsx DST.xlsx
# (Calc may report a crash as it closes, after the file is saved.)
import sys, time, subprocess, uno
from com.sun.star.beans import PropertyValue
def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
src, dst = sys.argv[1], sys.argv[2]
port = 2251
proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "-env:UserInstallation=file:///tmp/excel-lo-profile",
    f"--accept=socket,host=localhost,port={port};urp;"], stderr=subprocess.DEVNULL)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for i in range(60):
    try:
        ctx = resolver.resolve(f"uno:socket,host=localhost,port={port};urp;StarOffice.ComponentContext"); break
    except Exception:
        time.sleep(1)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL("file://" + src, "_blank", 0, (prop("Hidden", True),))
sh = doc.Sheets.getByIndex(0)
used = sh.createCursor(); used.gotoEndOfUsedArea(False)
row = used.RangeAddress.EndRow + 1  # 0-based index of the first empty row
frame = doc.CurrentController.Frame
disp = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
header = [sh.getCellByPosition(c, 0).getString() for c in range(22)]
for c in range(22):
    text = sh.getCellByPosition(c, 1).getString()
    if header[c] == "id":
        text = "nieuw-instrument"
    if header[c] == "leeftijd":
        text = "27+"
    ref = sh.getCellByPosition(c, row).AbsoluteName.split(".")[-1].replace("$", "")
    disp.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", ref),))
    disp.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", text),))
age = sh.getCellByPosition(header.index("leeftijd"), row)
print(src, "row", row + 1, "leeftijd:", age.Type.value, repr(age.getString()), doc.NumberFormats.getByKey(age.NumberFormat).FormatString)
doc.storeToURL("file://" + dst, (prop("FilterName", "Calc MS Excel 2007 XML"),))
doc.dispose()
proc.terminate()
proc.wait()
