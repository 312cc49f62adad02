# Bag-of-words reference for AFQMC: logistic regression on hashed char uni/bi-grams of each sentence,
# of their intersection, and overlap ratios. Trained on train.txt, scored on dev.txt.
import numpy as np, sys
D=2**18
def feats(a,b):
    f={}
    def add(k,v=1.0): h=hash(k)%D; f[h]=f.get(h,0)+v
    ga=set(a)|{a[i:i+2] for i in range(len(a)-1)}; gb=set(b)|{b[i:i+2] for i in range(len(b)-1)}
    for g in ga&gb: add('both'+g)
    for g in ga^gb: add('one'+g)
    j=len(ga&gb)/max(1,len(ga|gb)); 
    for t in range(10): 
        if j>t/10: add('jac%d'%t)
    return f
def load(p):
    X=[];y=[]
    for line in open(p,encoding='utf-8'):
        a,b,l=line.rstrip('\n').split('\t'); X.append(feats(a,b)); y.append(int(l))
    return X,np.array(y)
import random
random.seed(0)
Xtr,ytr=load(sys.argv[1]); Xdv,ydv=load(sys.argv[2])
w=np.zeros(D); b=0.0; lr=0.1
for ep in range(5):
    idx=list(range(len(Xtr))); random.shuffle(idx)
    for i in idx:
        f=Xtr[i]; z=b+sum(w[k]*v for k,v in f.items()); p=1/(1+np.exp(-z)); g=p-ytr[i]
        for k,v in f.items(): w[k]-=lr*(g*v+1e-6*w[k])
        b-=lr*g
    pr=np.array([b+sum(w[k]*v for k,v in f.items()) for f in Xdv])>0
    acc=(pr==ydv).mean(); tp=((pr==1)&(ydv==1)).sum(); f1=2*tp/max(1,pr.sum()+ydv.sum())
    print('epoch',ep+1,'dev acc %.4f positive-class F1 %.4f'%(acc,f1), flush=True)
