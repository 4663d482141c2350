window.docgenSearchIndex = {"pages":[
["Index","index.html","o"],
["pkg","pkg/index.html","o"],
["pkg/sub/store.py","pkg/sub/store.py.html","l"]],
"symbols":[
["Store","c",2],
["Store.add","m",2],
["Store.add","m",2,"Store.add-2"]]};
