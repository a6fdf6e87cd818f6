"""Reading and writing datasets: CSV folders with a Data Package descriptor, and JSON documents."""
