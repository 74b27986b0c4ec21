"""Every drawing of the suite, one module per subject, matplotlib (report figures) and plotly
(interactive views).

A draw function takes exactly the frame its analysis returned for it (``*_plot_data``; what
cannot be a row, such as a deadline line or a display label, rides in the frame's ``attrs``) and
a title, reads no other data, and returns the figure. The notebook hands the same frame to
:func:`helpers.figures.save_figure`, so the CSV beside a figure is the data it draws. Colours,
fonts and sizes come from :mod:`helpers.figures` only.
"""
